/** This program's version; written into generated documents (`metadata.version`). */
export const VERSION = '1.0.0';
