import { inPublicationBatch, oncePerBatch } from '../../../src/lib/publication-batch';

describe('publication batches', () => {
  test('outside a batch, the work runs at once', async () => {
    const done: string[] = [];
    await oncePerBatch('a', async () => void done.push('a'));
    expect(done).toEqual(['a']);
  });

  test('inside a batch, work with the same key runs once, after the batch, in the order first asked', async () => {
    const done: string[] = [];
    const result = await inPublicationBatch(async () => {
      await oncePerBatch('index:1', async () => void done.push('index 1'));
      await oncePerBatch('index:2', async () => void done.push('index 2'));
      await oncePerBatch('index:1', async () => void done.push('index 1 again'));
      done.push('batch body');
      return 42;
    });
    expect(result).toBe(42);
    expect(done).toEqual(['batch body', 'index 1', 'index 2']);
  });

  test('a nested batch belongs to the outer one', async () => {
    const done: string[] = [];
    await inPublicationBatch(async () => {
      await inPublicationBatch(async () => oncePerBatch('k', async () => void done.push('job')));
      done.push('outer body');
    });
    expect(done).toEqual(['outer body', 'job']);
  });

  test('batches running side by side keep their own work', async () => {
    const done: string[] = [];
    await Promise.all(
      ['x', 'y'].map((name) =>
        inPublicationBatch(async () => {
          await oncePerBatch('same-key', async () => void done.push(name));
        }),
      ),
    );
    expect(done.sort()).toEqual(['x', 'y']);
  });
});
