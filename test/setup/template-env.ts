/** The variable through which jest's global setup tells workers where the template database is. */
export const TEMPLATE_ENV = 'CASTMATCH_TEST_TEMPLATE_DIR';
