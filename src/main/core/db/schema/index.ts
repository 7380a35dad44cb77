export * from './capacity';
export * from './money';
export * from './org';
export * from './pipeline';
export * from './sales';
export * from './workspace';
