import { BoundedMemo } from './bounded-memo.js';

describe('BoundedMemo', () => {
  it('computes once per key and forgets everything at the limit', () => {
    const memo = new BoundedMemo<boolean>(2);
    let computed = 0;
    const compute = () => {
      computed += 1;
      return false;
    };

    memo.get('a', compute);
    memo.get('a', compute);
    memo.get('b', compute);
    memo.get('c', compute);
    memo.get('a', compute);

    expect(computed).toBe(4);
  });
});
