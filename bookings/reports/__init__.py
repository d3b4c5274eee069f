"""Reports on what HOPE achieves (issue 14): reads only, coordinators only.

- `period`: the chosen period (year, quarter, month, custom) and the one before it;
- `selectors`: one function per report, each a fixed number of queries whatever the row count;
- `tables`: every report as plain tables (what the page, the charts and the exports share);
- `exports`: CSV and XLSX with formula injection neutralised;
- `charts`: a few hand-written SVG charts (no JavaScript, no CDN);
- `public`: the cached, never-identifying key figures for the public site;
- `fees`: running fee totals against the volunteer-allowance ceilings.
"""
