-- Argo CD health of a BackupCopyJob (backup.vb365.dev), read from the status vb365-operator writes.
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

-- The copy job waits for the BackupJob it copies (it does not exist yet, or is not Ready): that passes
-- once the BackupJob is Ready again, so it is progress, not a failure.
local function waitsForBackupJob(condition)
  return condition ~= nil and condition.status == "False"
      and (condition.reason == "BackupJobNotReady" or condition.reason == "BackupJobNotFound")
end

local hs = {}
local generation = obj.metadata.generation
local synced = findCondition("Synced")

-- Deleting: the operator's finalizer removes (or keeps) the VB365 copy job first.
if obj.metadata.deletionTimestamp ~= nil then
  hs.status = "Progressing"
  hs.message = "Pending deletion"
  if obj.metadata.finalizers ~= nil and #obj.metadata.finalizers > 0 then
    hs.message = hs.message .. "; waiting for finalizers: " .. table.concat(obj.metadata.finalizers, ", ")
  end
  if synced ~= nil and synced.status == "False" then
    hs.message = hs.message .. "; " .. explain(synced)
  end
  return hs
end

-- Paused (annotation backup.vb365.dev/paused=true): the operator leaves it alone on purpose, and
-- does not observe new generations meanwhile; Argo CD's word for that is Suspended.
if synced ~= nil and synced.status == "False" and synced.reason == "ReconcilePaused" then
  hs.status = "Suspended"
  hs.message = explain(synced)
  return hs
end

-- A status written for an older spec says nothing about the current one.
local status = obj.status
if status == nil or status.observedGeneration == nil
    or (generation ~= nil and status.observedGeneration < generation) then
  hs.status = "Progressing"
  if generation ~= nil then
    hs.message = "Waiting for the operator to observe generation " .. generation
  else
    hs.message = "Waiting for the operator to observe this BackupCopyJob"
  end
  return hs
end

local ready = findCondition("Ready")

-- Waiting for the BackupJob, whether the operator says so on Ready, on Synced or on both.
if waitsForBackupJob(ready) then
  hs.status = "Progressing"
  hs.message = explain(ready)
  return hs
end
if waitsForBackupJob(synced) then
  hs.status = "Progressing"
  hs.message = explain(synced)
  return hs
end

-- The last reconcile failed: a terminal error (fix the spec) or a transient one (the operator
-- retries); the reason and message say which.
if synced ~= nil and synced.status == "False" then
  hs.status = "Degraded"
  hs.message = explain(synced)
  return hs
end

if status.lastStatus == "Failed" then
  hs.status = "Degraded"
  hs.message = "Last copy failed"
  if status.lastRun ~= nil then
    hs.message = hs.message .. " at " .. status.lastRun
  end
  if status.copyJobId ~= nil then
    hs.message = hs.message .. " (VB365 copy job " .. status.copyJobId .. ")"
  end
  return hs
end

local drifted = findCondition("Drifted")

-- Drift the operator leaves alone (driftPolicy Report, or an ObserveOnly copy job that differs):
-- Ready stays False until someone changes the spec or VB365, so waiting would be Progressing forever.
if drifted ~= nil and drifted.status == "True" and (ready == nil or ready.status ~= "True") then
  hs.status = "Degraded"
  hs.message = "Drifted: " .. (drifted.message or "")
  return hs
end

if ready ~= nil and ready.status == "True" then
  hs.status = "Healthy"
  hs.message = explain(ready)
  if hs.message == "" then
    hs.message = "Ready"
  end
  if status.lastStatus == "Warning" then
    hs.message = hs.message .. "; last copy finished with warnings"
  end
  if drifted ~= nil and drifted.status == "True" then
    hs.message = hs.message .. "; drifted: " .. explain(drifted)
  end
  return hs
end

hs.status = "Progressing"
if ready ~= nil and explain(ready) ~= "" then
  hs.message = explain(ready)
else
  hs.message = "Waiting for the operator to report Ready"
end
return hs
