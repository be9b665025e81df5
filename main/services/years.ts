// Which working years hold data, so the header's year list never loses a way back to one of them.
import { sql } from 'kysely';
import type { AppContext } from './workstation';

/**
 * Years that appear in any area's records. Each area's dated tables are listed here once; a new area with dated
 * records adds its own line.
 */
export async function yearsWithData(ctx: AppContext): Promise<number[]> {
  const rows = await sql<{ y: number }>`
    SELECT year AS y FROM source_document
    UNION SELECT year FROM plan
    UNION SELECT CAST(substr(date, 1, 4) AS INTEGER) FROM training
    UNION SELECT CAST(substr(change_date, 1, 4) AS INTEGER) FROM ab_change
    UNION SELECT CAST(substr(start_date, 1, 4) AS INTEGER) FROM ab_absence
    UNION SELECT CAST(substr(published_date, 1, 4) AS INTEGER) FROM publication
    UNION SELECT CAST(substr(received_date, 1, 4) AS INTEGER) FROM request
    UNION SELECT year FROM disclosure_year_input
    UNION SELECT year FROM sc_template
    UNION SELECT year FROM rectification
    UNION SELECT year FROM summary
  `.execute(ctx.db);
  return rows.rows
    .map((r) => Number(r.y))
    .filter((y) => Number.isInteger(y))
    .sort((a, b) => b - a);
}
