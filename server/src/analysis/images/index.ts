/** The image knowledge base: pure functions over image references, no I/O. */
export { classifyImage } from './classifyImage';
export { describeImageFacts } from './describeImageFacts';
export { compareGlibc } from './glibcVersion';
export { LIBC_FAMILIES, PACKAGE_MANAGERS } from './imageFacts';
export type { ImageFacts, ImageOverride, LibcFamily, PackageManager, PreviousBase } from './imageFacts';
export { parseImageReference, type ImageReference } from './imageReference';
export { isWellKnownImageName } from './wellKnownImages';
