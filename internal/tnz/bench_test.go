package tnz

import (
	"context"
	"encoding/base64"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"strings"
	"testing"
)

// attachmentBytes is the raw size of the fax benchmarks' attachments: ten
// files of 1 MiB, TNZ's limit per file.
const attachmentBytes = 10 << 20

// faxWithTenMiB is a fax carrying ten 1 MiB documents (base64, as the
// provider hands them to the client).
func faxWithTenMiB() *FaxMessage {
	raw := make([]byte, 1<<20)
	for i := range raw {
		raw[i] = byte(i * 7)
	}
	data := base64.StdEncoding.EncodeToString(raw)
	m := minimalFax()
	m.Files = nil
	for i := range 10 {
		m.Files = append(m.Files, File{Name: fmt.Sprintf("page%d.pdf", i+1), Data: data})
	}
	return m
}

// reportPerAttachmentByte reports the bytes allocated per operation for
// each byte of attachment (issue 12's target: at most 3) from the memory
// statistics taken before the loop.
func reportPerAttachmentByte(b *testing.B, before *runtime.MemStats) {
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	perOp := float64(after.TotalAlloc-before.TotalAlloc) / float64(b.N)
	b.ReportMetric(perOp/attachmentBytes, "B/attachment-B")
}

// BenchmarkEncodeFaxTenMiB builds the send request of a fax with ten 1 MiB
// files, in each dialect that sends files in one JSON body.
func BenchmarkEncodeFaxTenMiB(b *testing.B) {
	msg := faxWithTenMiB()
	for _, version := range []string{V300, V204} {
		b.Run(version, func(b *testing.B) {
			rd, err := lookupDialect(version)
			if err != nil {
				b.Fatal(err)
			}
			d := rd.newDialect(Config{AuthToken: "token"})
			req, err := d.sendRequest(msg)
			if err != nil {
				b.Fatal(err)
			}
			if !strings.Contains(string(req.body), msg.Files[9].Data) {
				b.Fatal("the request body lacks the attachments")
			}
			b.ReportAllocs()
			b.SetBytes(attachmentBytes)
			var before runtime.MemStats
			runtime.ReadMemStats(&before)
			for b.Loop() {
				if _, err := d.sendRequest(msg); err != nil {
					b.Fatal(err)
				}
			}
			reportPerAttachmentByte(b, &before)
		})
	}
}

// BenchmarkSendFaxTenMiB is the whole client send of that fax, through the
// client's transports, to a server that reads the body and accepts it.
func BenchmarkSendFaxTenMiB(b *testing.B) {
	msg := faxWithTenMiB()
	msg.MessageID = "bench-fax"
	c, err := New(Config{BaseURL: "https://api.tnz.co.nz", AuthToken: "token", Transport: acceptingTransport{}})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.ReportAllocs()
	b.SetBytes(attachmentBytes)
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	for b.Loop() {
		if _, err := c.Send(ctx, msg); err != nil {
			b.Fatal(err)
		}
	}
	reportPerAttachmentByte(b, &before)
}

// acceptingTransport reads each request's body to the end, as a server
// would, and accepts the message.
type acceptingTransport struct{}

func (acceptingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Body != nil {
		if _, err := io.Copy(io.Discard, req.Body); err != nil {
			return nil, err
		}
		req.Body.Close()
	}
	return &http.Response{
		StatusCode: http.StatusOK,
		Header:     http.Header{"Content-Type": {"application/json"}},
		Body:       io.NopCloser(strings.NewReader(`{"Result":"Success","MessageID":"bench-fax"}`)),
		Request:    req,
	}, nil
}

// BenchmarkDecodeStatus10000Recipients decodes a v3.00 status answer
// listing 10,000 recipients.
func BenchmarkDecodeStatus10000Recipients(b *testing.B) {
	var body strings.Builder
	body.WriteString(`{"MessageID":"bench","JobStatus":"Completed","JobNum":"10C8A4A1","Count":10000,"Complete":10000,"Success":10000,"Failed":0,"CreatedTimeUTC":"2026-01-02 03:04:05","TotalRecords":10000,"RecordsPerPage":10000,"PageCount":1,"Page":1,"Recipients":[`)
	for i := range 10000 {
		if i > 0 {
			body.WriteString(",")
		}
		fmt.Fprintf(&body, `{"Type":"SMS","DestSeq":"%08d","Destination":"+6421%07d","ContactID":"","Status":"Success","Result":"Delivered","SentTimeUTC":"2026-01-02 03:04:06","SentTimeUTC_RFC3339":"2026-01-02T03:04:06Z","MessageText":"Benchmark message","SMSReplies":[]}`, i, i)
	}
	body.WriteString(`]}`)
	raw := []byte(body.String())
	d := &v300{}
	st, _, err := d.decodeStatus(http.StatusOK, raw)
	if err != nil || len(st.Recipients) != 10000 {
		b.Fatalf("decoded %v recipients, error %v", st, err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		if _, _, err := d.decodeStatus(http.StatusOK, raw); err != nil {
			b.Fatal(err)
		}
	}
}
