/** This program's version; written into generated documents (`metadata.version`). */
export const VERSION = '0.1.0';
