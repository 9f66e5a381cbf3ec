package dev.vb365.operator.ship;

import java.util.List;
import java.util.Map;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LoadState;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.compiler.LuaC;
import org.luaj.vm2.lib.PackageLib;
import org.luaj.vm2.lib.TableLib;
import org.luaj.vm2.lib.jse.JseBaseLib;

/**
 * Runs an Argo CD health.lua the way Argo CD does: the resource as the global {@code obj}, the
 * script's return value as {status, message}, and only the base, package and table libraries
 * (Argo CD adds a reduced os with time/date only, which the scripts do not use).
 */
public final class ArgoCdHealthCheck {

  public record HealthStatus(String status, String message) {
  }

  private ArgoCdHealthCheck() {
  }

  public static HealthStatus run(String script, Map<String, Object> resource) {
    Globals globals = new Globals();
    globals.load(new JseBaseLib());
    globals.load(new PackageLib());
    globals.load(new TableLib());
    LoadState.install(globals);
    LuaC.install(globals);
    globals.set("obj", toLua(resource));

    LuaValue result = globals.load(script, "health.lua").call();
    if (!result.istable()) {
      throw new AssertionError("health.lua returned " + result.typename() + ", not a table");
    }
    LuaValue message = result.get("message");
    return new HealthStatus(result.get("status").tojstring(), message.isnil() ? "" : message.tojstring());
  }

  // Argo CD hands the unstructured object to gopher-lua the same way: maps and lists become
  // tables, numbers become Lua numbers.
  private static LuaValue toLua(Object value) {
    if (value == null) {
      return LuaValue.NIL;
    }
    if (value instanceof Map<?, ?> map) {
      LuaTable table = new LuaTable();
      map.forEach((k, v) -> table.set(String.valueOf(k), toLua(v)));
      return table;
    }
    if (value instanceof List<?> list) {
      LuaTable table = new LuaTable();
      for (int i = 0; i < list.size(); i++) {
        table.set(i + 1, toLua(list.get(i)));
      }
      return table;
    }
    if (value instanceof Number number) {
      return LuaValue.valueOf(number.doubleValue());
    }
    if (value instanceof Boolean bool) {
      return LuaValue.valueOf(bool);
    }
    return LuaValue.valueOf(value.toString());
  }
}
