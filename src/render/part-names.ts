/** The names pptxgenjs gives a deck's slide and notes parts, numbered from 1. */
export const slidePart = (index: number) => `ppt/slides/slide${index + 1}.xml`;
export const notesPart = (index: number) => `ppt/notesSlides/notesSlide${index + 1}.xml`;
