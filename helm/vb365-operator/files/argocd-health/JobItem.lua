-- Argo CD health of a JobItem (backup.vb365.dev), read from the status vb365-operator writes.
-- Uses only Lua's base and table libraries: Argo CD's sandbox has no string library.

local function findCondition(conditionType)
  if obj.status == nil or obj.status.conditions == nil then
    return nil
  end
  for _, condition in ipairs(obj.status.conditions) do
    if condition.type == conditionType then
      return condition
    end
  end
  return nil
end

-- "Reason: message", or whichever of the two is present.
local function explain(condition)
  local reason = condition.reason or ""
  local message = condition.message or ""
  if reason ~= "" and message ~= "" then
    return reason .. ": " .. message
  end
  if message ~= "" then
    return message
  end
  return reason
end

local hs = {}
local generation = obj.metadata.generation

-- Deleting: the operator's finalizer takes the item out of its VB365 job first.
if obj.metadata.deletionTimestamp ~= nil then
  hs.status = "Progressing"
  hs.message = "Pending deletion"
  if obj.metadata.finalizers ~= nil and #obj.metadata.finalizers > 0 then
    hs.message = hs.message .. "; waiting for finalizers: " .. table.concat(obj.metadata.finalizers, ", ")
  end
  return hs
end

local status = obj.status
if status == nil or status.observedGeneration == nil
    or (generation ~= nil and status.observedGeneration < generation) then
  hs.status = "Progressing"
  if generation ~= nil then
    hs.message = "Waiting for the operator to observe generation " .. generation
  else
    hs.message = "Waiting for the operator to observe this JobItem"
  end
  return hs
end

local synced = findCondition("Synced")
if synced ~= nil and synced.status == "False" then
  hs.status = "Degraded"
  hs.message = explain(synced)
  return hs
end

local ready = findCondition("Ready")
if ready ~= nil and ready.status == "True" then
  hs.status = "Healthy"
  hs.message = explain(ready)
  if hs.message == "" then
    hs.message = "Ready"
  end
  return hs
end

-- Not ready: e.g. the BackupJob or the Microsoft 365 user it names does not exist.
if ready ~= nil and ready.status == "False" then
  hs.status = "Degraded"
  hs.message = explain(ready)
  return hs
end

hs.status = "Progressing"
if ready ~= nil and explain(ready) ~= "" then
  hs.message = explain(ready)
else
  hs.message = "Waiting for the operator to report Ready"
end
return hs
