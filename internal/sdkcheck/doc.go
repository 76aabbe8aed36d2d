// Package sdkcheck cross-checks the sandbox and the provider's API client
// against TNZ's official Node SDK, the npm package tnzapi 2.4.2, which
// speaks API v2.04. It has no code of its own, only tests:
//
//   - the SDK, driven by testdata/send.js, sends one message per channel
//     (SMS, Email, Fax, TTS, Voice) to an in-process sandbox and reads each
//     status back, so the sandbox's v2.04 routes are checked by a client
//     that TNZ wrote rather than by one that this repository wrote;
//   - the provider's client (internal/tnz, v2.04 with an AuthToken) sends the
//     same five messages to a second sandbox, and the two request bodies are
//     compared key by key. Every difference must be one of the named
//     allowances in sdk_test.go, each with its reason.
//
// The SDK is pinned by testdata/package.json and the committed
// testdata/package-lock.json and installed into testdata/node_modules
// (ignored by git and by the go tool) with `make sdk-deps`; `make test`
// does that first. The tests fail, never skip, when node or the SDK is
// missing.
package sdkcheck
