import { z } from 'zod';
test('esm + swc toolchain runs', () => {
  expect(z.string().parse('x')).toBe('x');
});
