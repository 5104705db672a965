import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workbookDoc } from '../../scripts/docs';
import { ROOT } from '../support/dist';

it('docs/WORKBOOK.md matches the contract in the code (run `npm run docs` after changing it)', () => {
  expect(readFileSync(join(ROOT, 'docs/WORKBOOK.md'), 'utf8')).toBe(workbookDoc());
});
