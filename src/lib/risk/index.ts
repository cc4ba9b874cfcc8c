/** The child-journey risk plotter's pure parts: the history, its statistics and its words. */
export * from './history';
export * from './describe';
export * from './svg';
