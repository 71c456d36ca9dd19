// @ts-expect-error: a plain ES module script, measured the same way `npm run size:widget` does.
import { measureWidgetSizes } from '../../scripts/widget-size.mjs';
import { check, ratioRow, type BenchRow } from '../harness/row';

interface Sizes {
  modules: { name: string; bytes: number }[];
  emptyLitElement: number;
  statuspageWidget: { version?: string; bytes?: number; note?: string };
}

/** Gzipped bytes of sitrep-banner.js beside an empty Lit element built the same way (and Atlassian's widget, for scale). */
export async function widgetSizeRows(): Promise<BenchRow[]> {
  const sizes = (await measureWidgetSizes()) as Sizes;
  const banner = sizes.modules.find((m) => m.name === 'sitrep-banner.js');
  check(banner && sizes.emptyLitElement > 3000, 'widget size: the banner or the empty Lit element did not build');
  const statuspage =
    sizes.statuspageWidget.bytes === undefined
      ? `@statuspage/status-widget not measured: ${sizes.statuspageWidget.note}`
      : `@statuspage/status-widget ${sizes.statuspageWidget.version}: ${sizes.statuspageWidget.bytes.toLocaleString('en')} bytes (${(banner.bytes / sizes.statuspageWidget.bytes).toFixed(2)}×)`;
  return [
    ratioRow({
      name: 'widget: gzipped bytes of sitrep-banner.js',
      unit: 'bytes',
      measured: { median: banner.bytes, p95: banner.bytes, runs: 1 },
      reference: { name: 'an empty Lit element built the same way', median: sizes.emptyLitElement },
      maxRatio: 2.1,
      note: `gzip -9; ${statuspage}`,
    }),
  ];
}
