declare module 'plainwords:dictionary' {
  import type { DictionaryData } from '../engine/index.js';
  const data: DictionaryData;
  export default data;
}
