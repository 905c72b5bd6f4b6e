export * from "./accumulation-transfer.js";
export * from "./kept-rows.js";
export * from "./range-job.js";
export * from "./scores-writer.js";
export * from "./stream.js";
export * from "./worker-pool.js";
export * from "./worker-script.js";
