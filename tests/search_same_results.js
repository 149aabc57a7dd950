/* Node: the theme's search worker answers the same queries alike whether it builds its index (as before) or loads
 * the prebuilt one from search_index.js through macros/search_worker_prebuilt.js (from the page, as from file://).
 * Usage: node THIS SITE QUERY... Prints a JSON line per query: {query, same, built, prebuilt} (built/prebuilt: the result locations in order). */
"use strict";
const fs = require("fs");
const path = require("path");
const { loadWorker } = require("../macros/search_prebuild.js");

async function main([site, ...queries]) {
  const json = JSON.parse(fs.readFileSync(path.join(site, "search", "search_index.json"), "utf8"));
  const script = fs.readFileSync(path.join(site, "search", "search_index.js"), "utf8");
  const withIndex = JSON.parse(script.slice(script.indexOf("{")));
  if (!withIndex.prebuilt) throw new Error("search_index.js carries no prebuilt index");
  // The site's worker starts with the prelude; given no prebuilt index, it builds its index as before.
  const built = loadWorker(site);
  const prebuilt = loadWorker(site, { page: { __index: withIndex } });
  await built.send({ type: 0, data: { config: json.config, docs: json.docs, options: {} } });
  let calls = 0;
  const lunr = prebuilt.context.lunr;
  const original = lunr.Builder.prototype.build;
  lunr.Builder.prototype.build = function () { calls++; return original.apply(this, arguments); };
  await prebuilt.send({ type: 0, data: { config: withIndex.config, docs: withIndex.docs, options: {} } });
  if (calls !== 0) throw new Error("the worker built its index although a prebuilt one was given");
  for (const query of queries) {
    const a = await built.send({ type: 2, data: query });
    const b = await prebuilt.send({ type: 2, data: query });
    const locations = (answer) => answer.data.items.flat().map((item) => item.location);
    console.log(JSON.stringify({ query, same: JSON.stringify(a) === JSON.stringify(b),
                                 built: locations(a), prebuilt: locations(b) }));
  }
}
main(process.argv.slice(2)).catch((error) => { console.error(error.stack || error.message); process.exit(1); });
