import { describe, expect, it } from 'vitest';
import { isAddedHost, parseSite, patternFor } from '../../../utils/auto-sites';

describe('sites added in the settings', () => {
  it.each([
    ['preview.example.com', 'preview.example.com'],
    ['http://10.1.2.3:8080/cms/index.html', '10.1.2.3'],
    ['HTTPS://Intranet.Example.org/', 'intranet.example.org'],
    ['*.example.org', '*.example.org'],
    ['https://*.example.org/a', '*.example.org'],
  ])('reads %s as the host %s', (input, host) => {
    expect(parseSite(input)).toEqual({ host });
  });
  it('refuses what is no site and what is audited anyway, in Chinese', () => {
    expect(parseSite('')).toMatchObject({ error: expect.stringMatching(/请输入网站地址/) });
    expect(parseSite('http://exa mple.com')).toMatchObject({ error: expect.stringMatching(/不是有效的网站地址/) });
    expect(parseSite('www.cnx.gov.cn')).toMatchObject({ error: expect.stringMatching(/本来就会自动检查/) });
  });
  it('matches a page host to the sites (a wildcard covers the domain and its subdomains), and names the pattern asked for', () => {
    expect(isAddedHost('preview.example.com', ['preview.example.com'])).toBe(true);
    expect(isAddedHost('other.example.com', ['preview.example.com'])).toBe(false);
    expect(isAddedHost('a.b.example.org', ['*.example.org'])).toBe(true);
    expect(isAddedHost('example.org', ['*.example.org'])).toBe(true);
    expect(isAddedHost('badexample.org', ['*.example.org'])).toBe(false);
    expect(patternFor('10.1.2.3')).toBe('*://10.1.2.3/*');
  });
});
