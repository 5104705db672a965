import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { regionsModule } from '../../scripts/regions';
import { ROOT } from '../support/dist';

it('src/generated/regions.ts is what scripts/regions.ts makes from the pinned idn-area-data', () => {
  expect(readFileSync(join(ROOT, 'src/generated/regions.ts'), 'utf8')).toBe(regionsModule());
});
