{{/* Names and labels. */}}

{{- define "vb365-operator.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "vb365-operator.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "vb365-operator.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "vb365-operator.selectorLabels" -}}
app.kubernetes.io/name: {{ include "vb365-operator.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "vb365-operator.labels" -}}
helm.sh/chart: {{ include "vb365-operator.chart" . }}
{{ include "vb365-operator.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/component: operator
app.kubernetes.io/part-of: vb365-operator
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "vb365-operator.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "vb365-operator.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "vb365-operator.metricsServiceName" -}}
{{- printf "%s-metrics" (include "vb365-operator.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "vb365-operator.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{/* Decisions that several templates share. */}}

{{/* "true" when leader election is on: explicitly, or by auto with more than one replica. */}}
{{- define "vb365-operator.leaderElection" -}}
{{- $setting := toString .Values.leaderElection.enabled }}
{{- if eq $setting "auto" }}
{{- gt (int .Values.replicaCount) 1 | toString }}
{{- else }}
{{- $setting }}
{{- end }}
{{- end }}

{{- define "vb365-operator.pdbEnabled" -}}
{{- $setting := toString .Values.podDisruptionBudget.enabled }}
{{- if eq $setting "auto" }}
{{- gt (int .Values.replicaCount) 1 | toString }}
{{- else }}
{{- $setting }}
{{- end }}
{{- end }}

{{/* "namespace/name" of the default connection Secret, or empty. */}}
{{- define "vb365-operator.defaultConnectionSecret" -}}
{{- with .Values.defaultConnection.secretRef }}
{{- if .name }}
{{- printf "%s/%s" (default $.Release.Namespace .namespace) .name }}
{{- end }}
{{- end }}
{{- end }}

{{/* PromQL matchers for this release's series in alert rules. */}}
{{- define "vb365-operator.metricsSelector" -}}
{{- if .Values.metrics.prometheusRule.selector }}
{{- .Values.metrics.prometheusRule.selector }}
{{- else }}
{{- printf "namespace=%q,service=%q" .Release.Namespace (include "vb365-operator.metricsServiceName" .) }}
{{- end }}
{{- end }}

{{/*
The rules the operator needs in every namespace it watches. Kept in one place so that the
cluster-wide and the per-namespace mode cannot drift apart.
*/}}
{{- define "vb365-operator.watchRules" -}}
{{- /* Exactly what the operator uses, as the real-API-server test (ChartOnRealServerIT) measures it. */}}
# Informers list and watch; JOSDK adds and removes the finalizer with a patch; a status write that
# meets a conflict, and a JobItem whose BackupJob is not cached yet, read the BackupJob once (get).
- apiGroups: ["backup.vb365.dev"]
  resources: ["backupjobs"]
  verbs: ["get", "list", "watch", "patch"]
- apiGroups: ["backup.vb365.dev"]
  resources: ["jobitems"]
  verbs: ["list", "watch"]
- apiGroups: ["backup.vb365.dev"]
  resources: ["backupcopyjobs"]
  verbs: ["list", "watch", "patch"]
# Statuses are replaced with optimistic locking (PUT with the resourceVersion read).
- apiGroups: ["backup.vb365.dev"]
  resources: ["backupjobs/status", "jobitems/status", "backupcopyjobs/status"]
  verbs: ["update"]
# Connection Secrets are read one by one (GET) when a BackupJob needs them: no list or watch, so no
# cache of the namespace's other Secrets (see the chart README, "Secrets").
- apiGroups: [""]
  resources: ["secrets"]
  verbs: ["get"]
# core/v1 Events, one per occurrence.
- apiGroups: [""]
  resources: ["events"]
  verbs: ["create"]
{{- end }}

{{/* Refuse value combinations that would deploy something broken. */}}
{{- define "vb365-operator.validate" -}}
{{- if and (gt (int .Values.replicaCount) 1) (ne (include "vb365-operator.leaderElection" .) "true") }}
{{- fail "replicaCount > 1 needs leader election: set leaderElection.enabled to auto or true, or replicaCount to 1" }}
{{- end }}
{{- if and .Values.defaultConnection.secretRef.namespace (not .Values.defaultConnection.secretRef.name) }}
{{- fail "defaultConnection.secretRef.namespace is set but defaultConnection.secretRef.name is empty" }}
{{- end }}
{{- if and (not .Values.serviceAccount.create) (not .Values.serviceAccount.name) }}
{{- fail "serviceAccount.create is false: set serviceAccount.name to an existing ServiceAccount" }}
{{- end }}
{{- end }}
