import { stopSuites } from './suite-setup';

// One module for both suites: Jest runs a teardown module once per run, whichever projects ran.
export default stopSuites;
