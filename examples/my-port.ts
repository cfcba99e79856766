/**
 * A minimal --sut module: a port of the system-under-test interface (sut/interface.ts)
 * exports a SutFactory as its default export (or as `sut`). This one simply re-exports
 * daxcheck's own implementation under another name; a real port would create its own
 * ResourceTreeSut and DaxSut objects here.
 *
 *   npx daxcheck hunt --sut examples/my-port.ts --seconds 60
 */
import { implFactory } from '../impl/index.ts';
import type { SutFactory } from '../sut/interface.ts';

const myPort: SutFactory = {
  name: 'my-port',
  createTree: () => implFactory.createTree(),
  createDax: () => implFactory.createDax(),
};

export default myPort;
