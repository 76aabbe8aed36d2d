#!/usr/bin/env node
// Sends one message per channel through TNZ's official Node SDK (npm tnzapi
// 2.4.2, API v2.04, AuthToken API) to a sandbox, reads each message's status
// through the SDK, and prints ONE JSON document to stdout:
//
//   {"sdkVersion":"2.4.2","apiURL":"<base>/api/v2.04",
//    "results":[{"channel":"sms","messageID":"sdkSMS1","send":{…},"status":{…}},…]}
//
// "send" and "status" are the SDK's own parsed result objects
// (MessagingApiSuccessResponseDTO / StatusApiResponseDTO, or ErrorResponseDTO).
// A result that is not "Success" is reported, not thrown: internal/sdkcheck
// asserts on it. Any exception (SDK crash, unparsable response, a call that
// never answers) exits non-zero with the reason on stderr.
//
// Usage: node send.js <sandbox base URL> [auth token]
//   or   TNZ_SANDBOX_URL=… TNZ_AUTH_TOKEN=… node send.js
//
// The message content below is mirrored, field by field, by the provider
// client's messages in ../sdk_test.go, which compares the two bodies the
// sandbox received. Change both together.
'use strict';

const fs = require('fs');
const path = require('path');
const TNZAPI = require('tnzapi');
const sdkVersion = require('tnzapi/package.json').version;

// How long one SDK call may take. The SDK sets no timeout and, on a
// connection error, only logs it and never settles its promise.
const CALL_TIMEOUT_MS = 15000;

// The SDK's validators assign their messages to a global named Error (an SDK
// bug), so the built-in is kept under another name for this script's own.
const BuiltinError = Error;

// The recorded audio the Voice channel plays (16-bit PCM, 8000 Hz). The
// SDK reads and base64-encodes the message itself (VoiceFiles). Keypad audio
// is given as base64 in Keypads[].Play: the SDK's own keypad-file route
// (Keypads[].File, sent as PlayFile) fails its validator, which accepts only
// RouteNumber, Play or PlaySection.
const TONE_WAV = path.join(__dirname, 'tone.wav');
const TONE_WAV_BASE64 = fs.readFileSync(TONE_WAV).toString('base64');

// sdkClient returns a TNZAPI client whose calls go to base/api/v2.04.
//
// tnzapi 2.4.2 hard-codes https://api.tnz.co.nz/api/v2.04 in its constructor
// (lib/index.js) and copies it into every sub-API when they are built there:
// Messaging and Reports append "/send" and "/get", and each channel's API
// appends its path once, at construction. Reassigning client.URL afterwards
// therefore changes nothing by itself; the sub-APIs have to be built again
// from the client, with their own constructors. The SDK speaks plain http
// for an http:// URL (Functions/HttpRequest.js picks http or https by the
// URL's scheme), so no TLS override is needed.
//
// A fresh client is used for every call: the SDK keeps state between calls
// on one API object (the entity's fields and Destinations persist, and
// Status.Poll appends to its own URL on every call).
function sdkClient(base, token) {
  const client = new TNZAPI({ AuthToken: token });
  client.URL = base.replace(/\/+$/, '') + '/api/v2.04';
  client.Messaging = new client.Messaging.constructor(client);
  client.Reports = new client.Reports.constructor(client);
  return client;
}

// The five messages: SDK API name, SendMessage arguments.
const MESSAGES = [
  {
    channel: 'sms',
    api: 'SMS',
    args: {
      MessageID: 'sdkSMS1',
      Reference: 'sdkcheck sms',
      SubAccount: 'Platform',
      Department: 'Ops',
      ChargeCode: 'CC-42',
      FromNumber: '6421000900',
      SMSEmailReply: 'replies@example.com',
      CharacterConversion: true,
      Message: 'Kia ora [[FirstName]], release [[Custom1]] is live.',
      Destinations: [
        { Recipient: '+6421000001' },
        {
          Recipient: '+6421000002',
          Attention: 'On call',
          Company: 'TNZ Community',
          FirstName: 'Aroha',
          LastName: 'Ngata',
          Custom1: 'v1.4.2',
          Custom2: 'blue',
        },
      ],
    },
  },
  {
    channel: 'email',
    api: 'Email',
    args: {
      MessageID: 'sdkEmail1',
      Reference: 'sdkcheck email',
      ReportTo: 'reports@example.com',
      TimeZone: 'New Zealand',
      Mode: 'Test',
      EmailSubject: 'Release v1.4.2',
      MessagePlain: 'Release v1.4.2 is live.',
      MessageHTML: '<p>Release <b>v1.4.2</b> is live.</p>',
      From: 'Release bot',
      FromEmail: 'bot@example.com',
      SMTPFrom: 'bounces@example.com',
      ReplyTo: 'team@example.com',
      CCEmail: 'audit@example.com',
      Destinations: [
        { Recipient: 'ops@example.com' },
        { Recipient: 'oncall@example.com', FirstName: 'Tama', Custom9: 'nine' },
      ],
    },
  },
  {
    channel: 'fax',
    api: 'Fax',
    args: {
      MessageID: 'sdkFax1',
      Reference: 'sdkcheck fax',
      WebhookCallbackURL: 'https://hooks.example.com/tnz',
      WebhookCallbackFormat: 'JSON',
      Message: 'Cover page: release v1.4.2',
      Resolution: 'High',
      CSID: 'TNZ COMMUNITY',
      StampFormat: 'Stamp01',
      WatermarkFolder: 'Watermarks',
      WatermarkFirstPage: 'first.pdf',
      WatermarkAllPages: 'all.pdf',
      // "Release v1.4.2 is live.\n"
      Files: [{ Name: 'notice.txt', Data: 'UmVsZWFzZSB2MS40LjIgaXMgbGl2ZS4K' }],
      Destinations: [{ Recipient: '+6495550100', Company: 'Head office' }],
    },
  },
  {
    channel: 'tts',
    api: 'TTS',
    args: {
      MessageID: 'sdkTTS1',
      Reference: 'sdkcheck tts',
      MessageToPeople: 'Release v1.4.2 is live. Press 1 to talk to the team.',
      MessageToAnswerphones: 'Release v1.4.2 is live.',
      CallRouteMessageToPeople: 'Connecting you now.',
      CallRouteMessageToOperators: 'Release call from TNZ.',
      CallRouteMessageOnWrongKey: 'Sorry, that key is not an option.',
      KeypadOptionRequired: true,
      CallerID: '6495550199',
      BillingAccount: 'BA-7',
      Options: 'CallWait=30',
      Keypads: [
        { Tone: 1, RouteNumber: '+64800123123' },
        { Tone: 2, Play: 'Goodbye.', PlaySection: 'Main' },
      ],
      Destinations: [{ Recipient: '+6421000003' }],
    },
  },
  {
    channel: 'voice',
    api: 'Voice',
    args: {
      MessageID: 'sdkVoice1',
      Reference: 'sdkcheck voice',
      NumberOfOperators: 2,
      RetryAttempts: 2,
      RetryPeriod: 5,
      CallerID: '6495550199',
      BillingAccount: 'BA-8',
      VoiceFiles: [{ Name: 'MessageToPeople', File: TONE_WAV }],
      Keypads: [
        { Tone: 1, RouteNumber: '+64800123123' },
        { Tone: 2, Play: TONE_WAV_BASE64 },
      ],
      Destinations: [{ Recipient: '+6421000004' }],
    },
  },
];

// withTimeout settles with p, or rejects after CALL_TIMEOUT_MS.
function withTimeout(what, p) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new BuiltinError(`${what}: no answer through the SDK within ${CALL_TIMEOUT_MS} ms`)), CALL_TIMEOUT_MS);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

async function main() {
  const base = process.argv[2] || process.env.TNZ_SANDBOX_URL;
  const token = process.argv[3] || process.env.TNZ_AUTH_TOKEN;
  if (!base || !token) {
    throw new BuiltinError('usage: node send.js <sandbox base URL> [auth token] (or set TNZ_SANDBOX_URL and TNZ_AUTH_TOKEN)');
  }

  const results = [];
  for (const m of MESSAGES) {
    const send = await withTimeout(`${m.api}.SendMessage`, sdkClient(base, token).Messaging[m.api].SendMessage(m.args));
    const status = await withTimeout(`Status.Poll(${m.args.MessageID})`, sdkClient(base, token).Reports.Status.Poll({ MessageID: m.args.MessageID }));
    results.push({ channel: m.channel, messageID: m.args.MessageID, send, status });
  }

  const doc = { sdkVersion, apiURL: sdkClient(base, token).URL, results };
  // Exit explicitly: the SDK's keep-alive sockets would keep Node running.
  process.stdout.write(JSON.stringify(doc, null, 2) + '\n', () => process.exit(0));
}

function fail(err) {
  process.stderr.write(`send.js: ${err && err.stack ? err.stack : err}\n`);
  process.exit(1);
}

// The SDK parses responses inside socket event handlers, so its exceptions
// surface here rather than as rejected promises.
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);
main().catch(fail);
