/** The names pptxgenjs gives a deck's slide and notes parts, numbered from 1. */
export const slidePart = (index: number) => `ppt/slides/slide${index + 1}.xml`;
export const notesPart = (index: number) => `ppt/notesSlides/notesSlide${index + 1}.xml`;

const SLIDE_MASTERS_AND_LAYOUTS = /^ppt\/(slideLayouts|slideMasters)\/[^/]+\.xml$/;
const ALL_MASTERS_AND_LAYOUTS = /^ppt\/(slideLayouts|slideMasters|notesMasters)\/[^/]+\.xml$/;

/** The package's slide masters and layouts, and with `notes` its notes master too. */
export function mastersAndLayouts(opc: { names(): string[] }, { notes = false } = {}): string[] {
  const pattern = notes ? ALL_MASTERS_AND_LAYOUTS : SLIDE_MASTERS_AND_LAYOUTS;
  return opc.names().filter((part) => pattern.test(part));
}
