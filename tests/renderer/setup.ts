import { configure } from '@testing-library/react';

// These tests render the whole app; on a busy two-core CI machine a render can take seconds,
// so waiting for what should appear is allowed longer than the library's one second.
configure({ asyncUtilTimeout: 10_000 });
