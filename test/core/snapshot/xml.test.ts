import { describe, expect, it } from 'vitest';
import { childElements, parseXml, textAt, XmlSyntaxError } from '../../../src/core/snapshot/xml.js';

describe('parseXml', () => {
  it('reads elements, attributes, text, entities, CDATA and skips declarations, comments and the DOCTYPE', () => {
    const root = parseXml(`<?xml version="1.0" ?>
<!DOCTYPE nvidia_smi_log SYSTEM "nvsmi_device_v12.dtd">
<!-- a comment -->
<log a='1' b="x &amp; y">
  <gpu id="00:04.0"><name>H100 &lt;SXM&gt; &#65;&#x42;</name></gpu>
  <gpu id="00:05.0"><name><![CDATA[raw <text> & more]]></name><empty/></gpu>
</log>`);
    expect(root.name).toBe('log');
    expect(root.attributes).toEqual({ a: '1', b: 'x & y' });
    const gpus = childElements(root, 'gpu');
    expect(gpus.map((g) => g.attributes.id)).toEqual(['00:04.0', '00:05.0']);
    expect(textAt(gpus[0]!, 'name')).toBe('H100 <SXM> AB');
    expect(textAt(gpus[1]!, 'name')).toBe('raw <text> & more');
    expect(textAt(gpus[1]!, 'empty')).toBe('');
    expect(textAt(gpus[1]!, 'missing')).toBeUndefined();
  });

  it('never expands custom entities from an internal DTD subset (no billion laughs, no external fetch)', () => {
    const bomb = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;"><!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<lolz>&lol2;</lolz>`;
    expect(() => parseXml(bomb)).toThrow(/unknown entity &lol2;/);
    expect(() => parseXml('<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><x>&xxe;</x>')).toThrow(/custom entities are not supported/);
  });

  it.each([
    ['<a><b></a>', /closing tag <\/a> does not match <b>/],
    ['<a>', /<a> is never closed/],
    ['<a></a><b></b>', /second root element <b>/],
    ['text', /text outside the root element/],
    ['', /no root element/],
    ['<a x=1></a>', /not quoted/],
    ['<a x="1" x="2"></a>', /duplicate attribute x/],
    ['<a>&#0;</a>', /invalid character reference/],
    ['<a><!-- open', /unterminated comment/],
  ])('rejects %j', (input, message) => {
    expect(() => parseXml(input)).toThrow(message);
    expect(() => parseXml(input)).toThrow(XmlSyntaxError);
  });

  it('reports the line of an error and bounds depth and size', () => {
    try {
      parseXml('<a>\n<b>\n</c>\n</a>');
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toContain('(line 3)');
    }
    expect(() => parseXml('<a>'.repeat(100) + '</a>'.repeat(100), { maxDepth: 64 })).toThrow(/nested deeper than 64/);
    expect(() => parseXml(`<a>${'x'.repeat(100)}</a>`, { maxLength: 50 })).toThrow(/too large/);
  });
});
