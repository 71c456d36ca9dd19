import { describe, expect, it } from 'vitest';
import { PublishTarget } from '../../src/model';

describe('publish targets', () => {
  it.each([
    ['https://status.example.com', true],
    ['http://127.0.0.1:8787', true],
    ['https://user:secret@dav.example.com/site/', false],
    ['https://user@dav.example.com/site/', false],
    ['ftp://dav.example.com/site/', false],
  ])('a WebDAV folder at %s is %s', (url, ok) => {
    const parsed = PublishTarget.safeParse({ kind: 'webdav', id: 'dav', url, username: 'ana', publicUrl: 'https://status.example.com/' });
    expect(parsed.success).toBe(ok);
  });
});
