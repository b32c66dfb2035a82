/** Styles of the statistics, paper-directory and import pages (scoped by class names). */
export const STATS_CSS = `
.stats { padding-bottom: 3rem; }
.stats h1 { margin-bottom: .5rem; }
.stats h2 { margin-top: 2rem; font-size: 1.3rem; }
.stats-form { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-end; margin: 1rem 0; }
.stats-form label { display: block; font-weight: 600; margin-bottom: .25rem; }
.stats-form input, .stats-form select, .stats-form textarea { padding: .4rem; border: 1px solid var(--theme-elevation-400); border-radius: 4px; background: var(--theme-input-bg, transparent); color: inherit; font: inherit; }
.stats-cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr)); gap: 1rem; margin: 1rem 0; padding: 0; list-style: none; }
.stats-cards li { border: 1px solid var(--theme-elevation-150); border-radius: 6px; padding: .75rem 1rem; }
.stats-cards strong { display: block; font-size: 1.8rem; }
.stats table { border-collapse: collapse; width: 100%; max-width: 48rem; margin: .5rem 0 1rem; }
.stats th, .stats td { border-bottom: 1px solid var(--theme-elevation-150); padding: .35rem .5rem; text-align: left; }
.stats td.num, .stats th.num { text-align: right; font-variant-numeric: tabular-nums; }
.stats-chart { margin: 1rem 0; max-width: 44rem; }
.stats-chart figcaption { font-size: .9rem; opacity: .8; }
.stats-downloads { display: flex; gap: 1rem; flex-wrap: wrap; margin: 1rem 0; }
.stats-notice { padding: .75rem 1rem; border-left: 4px solid #b00020; background: var(--theme-elevation-50); margin: 1rem 0; }
.stats-progress { width: 100%; max-width: 32rem; height: 1.25rem; }
`
