// The peer pipeline the command line is compared with: unified + remark-parse + remark-retext +
// retext-english + retext-simplify, run over every file named in a list (one path a line), the
// way a small checker built on them would. Prints how many files and messages. Used by 30-cli.mjs.
//   node scripts/bench/peer-pipeline.mjs files.txt
import { readFileSync } from 'node:fs';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRetext from 'remark-retext';
import retextEnglish from 'retext-english';
import retextSimplify from 'retext-simplify';
import { VFile } from 'vfile';

const paths = readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean);
// retext-simplify belongs to the retext processor that remark-retext bridges to: attached to the
// remark processor, it would see the Markdown tree and never report anything.
const processor = unified().use(remarkParse).use(remarkRetext, unified().use(retextEnglish).use(retextSimplify)).freeze();
let messages = 0;
for (const path of paths) {
  const file = new VFile({ path, value: readFileSync(path, 'utf8') });
  // remark-retext hands the tree to retext-english through a callback, so the run is async.
  await processor.run(processor.parse(file), file);
  messages += file.messages.length;
}
console.log(`${paths.length} files, ${messages} messages`);
