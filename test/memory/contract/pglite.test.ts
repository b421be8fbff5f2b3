/** The store contract against embedded PGlite: the default store, always reachable. */
import { createTestStore } from '../../helpers/store.js';
import { describeStoreContract } from './store-contract.js';

describeStoreContract('PGlite (embedded)', async () => {
  const store = await createTestStore();
  return { store, close: () => store.close() };
});
