import { noChange, nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/** CSS property → value, e.g. `{ left: '25%' }`. */
export type StyleProperties = Readonly<Record<string, string>>;

/**
 * Sets style properties through the CSSOM (`element.style`), never through the style attribute, which the pages'
 * Content Security Policy (style-src without 'unsafe-inline') refuses. lit's styleMap writes the attribute on its
 * first render, so it cannot be used here. Used as an element binding: `<div ${cssomStyle({ left: '10%' })}>`.
 */
class CssomStyleDirective extends Directive {
  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT) throw new Error('cssomStyle is an element binding: <div ${cssomStyle({...})}>');
  }

  render(_properties: StyleProperties): typeof nothing {
    return nothing;
  }

  override update(part: ElementPart, [properties]: [StyleProperties]): typeof noChange {
    const { style } = part.element as HTMLElement;
    for (const [name, value] of Object.entries(properties)) style.setProperty(name, value);
    return noChange;
  }
}

export const cssomStyle = directive(CssomStyleDirective);
