// The seeded generator the benchmark's log generator uses, for tests that draw random inputs.
export {mulberry32} from "../../bench/random.js";
