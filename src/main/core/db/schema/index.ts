export * from './pipeline';
export * from './money';
export * from './org';
export * from './sales';
export * from './workspace';
