package dev.vb365.operator.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The embedded API's merge patch (RFC 7386) and its check of undeclared fields, as a real API server does them. */
class MergePatchAndFieldsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text.replace('\'', '"'));
  }

  @Test
  void listsAreReplacedNullsRemoveAndObjectsMerge() throws Exception {
    JsonNode target = json("{'spec': {'items': [1, 2], 'name': 'a', 'keep': true}, 'x': 1}");
    JsonNode patch = json("{'spec': {'items': [3], 'name': null}, 'y': {'z': 2}}");
    assertThat(MergePatch.apply(target, patch)).isEqualTo(json(
        "{'spec': {'items': [3], 'keep': true}, 'x': 1, 'y': {'z': 2}}"));
    assertThat(target).as("the target is not changed").isEqualTo(json(
        "{'spec': {'items': [1, 2], 'name': 'a', 'keep': true}, 'x': 1}"));
  }

  @Test
  void theRfcExamples() throws Exception {
    // RFC 7386, appendix A (a selection).
    assertThat(MergePatch.apply(json("{'a':'b'}"), json("{'a':'c'}"))).isEqualTo(json("{'a':'c'}"));
    assertThat(MergePatch.apply(json("{'a':['b']}"), json("{'a':'c'}"))).isEqualTo(json("{'a':'c'}"));
    assertThat(MergePatch.apply(json("{'a':'c'}"), json("{'a':['b']}"))).isEqualTo(json("{'a':['b']}"));
    assertThat(MergePatch.apply(json("{'a':[{'b':'c'}]}"), json("{'a':[1]}"))).isEqualTo(json("{'a':[1]}"));
    assertThat(MergePatch.apply(json("{'e':null}"), json("{'a':1}"))).isEqualTo(json("{'e':null,'a':1}"));
    assertThat(MergePatch.apply(json("[1,2]"), json("{'a':'b','c':null}"))).isEqualTo(json("{'a':'b'}"));
  }

  @Test
  void undeclaredFieldsAreFoundAndPruned() throws Exception {
    JsonNode schema = json("{'type':'object','properties':{'spec':{'type':'object','properties':{"
        + "'items':{'type':'array','items':{'type':'object','properties':{'name':{'type':'string'}}}},"
        + "'free':{'type':'object','x-kubernetes-preserve-unknown-fields':true},"
        + "'labels':{'type':'object','additionalProperties':{'type':'string'}}}}}}");
    JsonNode object = json("{'apiVersion':'v','kind':'K','metadata':{'name':'n','anything':1},'spec':{"
        + "'items':[{'name':'a'},{'nmae':'b'}],'free':{'x':1},'labels':{'a':'b'},'typo':1},'extra':2}");
    assertThat(UnknownFields.of(object, schema)).containsExactly(".spec.items[1].nmae", ".spec.typo", ".extra");
    UnknownFields.prune(object, schema);
    assertThat(UnknownFields.of(object, schema)).isEmpty();
    assertThat(object.at("/spec/free/x").asInt()).isEqualTo(1);
    assertThat(object.at("/metadata/anything").asInt()).isEqualTo(1);
  }
}
