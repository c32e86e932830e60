// Preloaded into Azurite's queue service (node --require) by scripts/run.sh, the tests and the bench.
//
// Azurite 3.37's queue service removes expired messages before every request with `coll.remove(docs)`, also
// when there are none; LokiJS then re-sorts all four binary indexes of the messages collection. Every queue
// request therefore costs O(n log n) in the messages stored, in all queues, visible or not. Durable timers are
// messages that stay invisible until due, so each request of a long local run grows slower (docs/benchmarks.md,
// "Azurite's queue service"). The fix skips the removal when nothing expired; what is stored and returned is
// unchanged. It refuses to load against an Azurite whose method no longer reads as expected.
"use strict";
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const file = path.join(root, "node_modules", "azurite", "dist", "src", "queue", "persistence", "LokiQueueMetadataStore.js");
const store = require(file).default;
const original = store.prototype.clearExpiredMessages;
const expected = ["expirationTime: { $lte: queryTime }", "coll.remove(docs);"];
if (typeof original !== "function" || expected.some(text => !original.toString().includes(text))) {
  throw new Error(`Azurite's clearExpiredMessages changed (${file}): review scripts/azurite-queue-fix.cjs before using it.`);
}

store.prototype.clearExpiredMessages = async function clearExpiredMessages(account, queue, context) {
  this.checkQueueExist(account, queue, context);
  const coll = this.db.getCollection(this.MESSAGES_COLLECTION);
  const expired = coll.chain().find({ accountName: account, queueName: queue, expirationTime: { $lte: Date.now() } }).data();
  if (expired.length > 0) {
    coll.remove(expired);
  }
};
