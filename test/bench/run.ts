// npm run bench [-- <section> ...]: speed measurements, one section per area.
// To add one: write test/bench/<area>.ts exporting a BenchSection, import it here and add it to SECTIONS.
import { planBench } from './plan';
import { pointsBench } from './points';
import { selfcheckBench } from './selfcheck';
import { startupBench } from './startup';
import type { BenchSection } from './types';

export const SECTIONS: BenchSection[] = [pointsBench, planBench, selfcheckBench, startupBench];

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const chosen = wanted.length ? SECTIONS.filter((s) => wanted.includes(s.name)) : SECTIONS;
  if (wanted.length && chosen.length === 0) {
    console.error(`没有名为 ${wanted.join('、')} 的测速项。可选：${SECTIONS.map((s) => s.name).join('、')}`);
    process.exitCode = 1;
    return;
  }
  for (const s of chosen) {
    console.log(`\n== ${s.title}（${s.name}）==`);
    const t0 = Date.now();
    await s.run();
    console.log(`  （本项用时 ${((Date.now() - t0) / 1000).toFixed(1)} 秒）`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
