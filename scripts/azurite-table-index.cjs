// Preloaded into Azurite's table service (node --require) by scripts/run.sh, the tests and the bench.
//
// Azurite 3.37 gives every table's collection binary indexes on PartitionKey and RowKey, but its entity query never
// uses them: it runs the filter over every entity of the table. Durable Functions loads an orchestration's history
// with `PartitionKey eq '<instance>'` on every episode, so each load cost as much as the whole history table, which
// grows with every strategy stored (docs/benchmarks.md, "Azurite's table service"). On Azure a partition query
// reads its partition only. This preload narrows a query whose filter requires one PartitionKey (the key alone, or
// the key and-ed with anything) to that partition through the index, then applies Azurite's own filter, paging
// and sorting unchanged: the same entities come back. Other queries run as shipped. It refuses to load if
// Azurite's query no longer reads as expected.
"use strict";
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const persistence = path.join(root, "node_modules", "azurite", "dist", "src", "table", "persistence");
const file = path.join(persistence, "LokiTableMetadataStore.js");
const store = require(file).default;
const parse = require(path.join(persistence, "QueryInterpreter", "QueryParser.js")).default;
const original = store.prototype.queryTableEntities;
const expected = ["this.getEntityCollection(account, table, context)", ".chain()", ".where(queryWhere)"];
if (typeof original !== "function" || typeof parse !== "function" || expected.some(text => !original.toString().includes(text))) {
  throw new Error(`Azurite's queryTableEntities changed (${file}): review scripts/azurite-table-index.cjs before using it.`);
}

// The one PartitionKey every match must have, or undefined: found only through `and`, where it is a necessary
// condition; an `or`, a `not` or a typed literal (guid'…') leaves the query as shipped.
function requiredPartitionKey(node) {
  if (node.constructor.name === "AndNode") {
    return requiredPartitionKey(node.left) ?? requiredPartitionKey(node.right);
  }
  if (node.constructor.name !== "EqualsNode") {
    return undefined;
  }
  const [identifier, constant] = node.left.constructor.name === "IdentifierNode" ? [node.left, node.right] : [node.right, node.left];
  return identifier.constructor.name === "IdentifierNode" && identifier.identifier === "PartitionKey"
    && constant.constructor.name === "ConstantNode" && typeof constant.value === "string"
    ? constant.value
    : undefined;
}

function partitionOf(filter) {
  if (typeof filter !== "string" || filter === "") {
    return undefined;
  }
  try {
    return requiredPartitionKey(parse(filter));
  } catch {
    return undefined; // Azurite's own parse reports the error
  }
}

store.prototype.queryTableEntities = function queryTableEntities(context, account, table, queryOptions, ...continuation) {
  const partitionKey = partitionOf(queryOptions?.filter);
  if (partitionKey === undefined) {
    return original.call(this, context, account, table, queryOptions, ...continuation);
  }
  // The shipped method, seeing a collection whose chain starts at the partition (found through the index).
  const narrowed = Object.create(this);
  narrowed.getEntityCollection = (...args) => {
    const collection = this.getEntityCollection(...args);
    return { chain: () => collection.chain().find({ PartitionKey: partitionKey }) };
  };
  return original.call(narrowed, context, account, table, queryOptions, ...continuation);
};
