{{/*
Expand the name of the chart.
*/}}
{{- define "regie.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Create a default fully qualified app name (63 characters at most: DNS names).
*/}}
{{- define "regie.fullname" -}}
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

{{- define "regie.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "regie.commonLabels" -}}
helm.sh/chart: {{ include "regie.chart" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- if .Chart.AppVersion }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end }}
{{- end }}

{{- define "regie.labels" -}}
{{ include "regie.commonLabels" . }}
{{ include "regie.selectorLabels" . }}
{{- end }}

{{- define "regie.selectorLabels" -}}
app.kubernetes.io/name: {{ include "regie.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
The worker: 56 characters at most, to leave room for "-worker".
*/}}
{{- define "regie.workerFullname" -}}
{{ include "regie.fullname" . | trunc 56 | trimSuffix "-" }}-worker
{{- end }}

{{- define "regie.workerLabels" -}}
{{ include "regie.commonLabels" . }}
{{ include "regie.workerSelectorLabels" . }}
{{- end }}

{{- define "regie.workerSelectorLabels" -}}
app.kubernetes.io/name: {{ include "regie.name" . | trunc 56 | trimSuffix "-" }}-worker
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "regie.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "regie.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "regie.secretName" -}}
{{- .Values.existingSecret | default (include "regie.fullname" .) }}
{{- end }}

{{- define "regie.image" -}}
"{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
{{- end }}

{{/*
Settings for every container of Regie (app, worker, migrations): the ConfigMap, the Secret and
extraEnvVars.
*/}}
{{- define "regie.env" -}}
envFrom:
  - secretRef:
      name: {{ include "regie.secretName" . }}
  - configMapRef:
      name: {{ include "regie.fullname" . }}
{{- with .Values.extraEnvVars }}
env:
  {{- tpl (toYaml .) $ | nindent 2 }}
{{- end }}
{{- end }}

{{/*
Volumes every container of Regie needs: /tmp is the only place it writes (read-only root).
*/}}
{{- define "regie.volumeMounts" -}}
volumeMounts:
  - name: tmp
    mountPath: /tmp
{{- with .Values.extraVolumeMounts }}
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}

{{- define "regie.volumes" -}}
volumes:
  - name: tmp
    emptyDir: {}
{{- with .Values.extraVolumes }}
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}
