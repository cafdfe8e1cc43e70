/** Upstream AICR's agent image at the release whose ConfigMap format we read (a leaf: the snapshot options show it). */
export const DEFAULT_AGENT_IMAGE = 'ghcr.io/nvidia/aicr:v0.11.1';
