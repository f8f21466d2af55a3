// The Go peer of krakenlint's GoTemplate module: it renders template cases with Go's own text/template,
// sprig v3's GenericFuncMap and KrakenD's marshal and include, so the differential tests can compare our
// engine with Go byte for byte.
//
// Input (stdin, or the file named as the argument): a JSON array of cases, or a stream of case objects (one per line or concatenated):
//
//	{"name": "range/map", "templates": [{"name": "t", "text": "{{range .}}{{.}}{{end}}"}],
//	 "execute": "t", "data": {"b": 2, "a": 1}, "dataJSON": "...", "env": {"HOME": "/x"},
//	 "options": {"missingkey": "default", "partials": "/dir"}}
//
// Templates are parsed in order into one set, as KrakenD's ParseFiles does: the first names the set, each
// other one is added with New(name).Parse(text), and {{define}}s join the set. "execute" defaults to the
// first template's name. "dataJSON" (JSON text) wins over "data" (a JSON value); both are decoded with
// encoding/json into interface{}, as KrakenD decodes settings.
//
// Output (stdout): one JSON object per case and line, in input order:
//
//	{"name": "...", "output": "<base64 of the bytes written>"}                 on success
//	{"name": "...", "stage": "parse"|"execute", "error": "<err.Error()>", "output": "<bytes before the error>"}
//
// Functions: sprig's GenericFuncMap, where env and expandenv read the case's "env" instead of the process's
// environment and the functions whose result depends on the clock, randomness or the network are replaced
// by fixed stubs (see stubs below; the Swift test installs the same ones), plus KrakenD's marshal and
// include. The local time zone is UTC, so sprig's date functions do not depend on the host.
//
// Flags: -bench N renders every case N times after one warm-up run and prints, per case, the mean time
// of parse+execute and of execute alone to stderr; -raw writes only the output bytes of the cases
// (for timing the whole process).
//
// Build (Debian golang-go and golang-github-masterminds-sprig-dev, no module downloads):
//
//	GO111MODULE=off GOPATH=/usr/share/gocode go build -o .build/go-template-peer Tests/GoTemplateTests/Peer/peer.go
package main

import (
	"bufio"
	"encoding/base64"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path"
	"strings"
	"text/template"
	"time"

	"github.com/Masterminds/sprig"
)

type templateSource struct {
	Name string `json:"name"`
	Text string `json:"text"`
}

type caseOptions struct {
	MissingKey string `json:"missingkey"`
	Partials   string `json:"partials"`
}

type testCase struct {
	Name      string            `json:"name"`
	Templates []templateSource  `json:"templates"`
	Execute   string            `json:"execute"`
	Data      json.RawMessage   `json:"data"`
	DataJSON  *string           `json:"dataJSON"`
	Env       map[string]string `json:"env"`
	Options   caseOptions       `json:"options"`
}

type result struct {
	Name   string `json:"name"`
	Stage  string `json:"stage,omitempty"`
	Error  string `json:"error,omitempty"`
	Output []byte `json:"output"`
}

// maximumOutput bounds what one case may write, so a runaway case cannot exhaust the machine.
const maximumOutput = 16 << 20

type limitedBuffer struct{ bytes []byte }

func (b *limitedBuffer) Write(p []byte) (int, error) {
	if len(b.bytes)+len(p) > maximumOutput {
		return 0, fmt.Errorf("peer: output exceeds %d bytes", maximumOutput)
	}
	b.bytes = append(b.bytes, p...)
	return len(p), nil
}

// fixedNow is what the stubbed `now` returns: 2024-05-06 07:08:09.123456789 UTC.
var fixedNow = time.Date(2024, time.May, 6, 7, 8, 9, 123456789, time.UTC)

// stubs replace the functions whose result depends on the clock, randomness or the network. The Swift
// differential test installs the same functions under the same names.
func stubs() map[string]interface{} {
	return map[string]interface{}{
		"now":           func() time.Time { return fixedNow },
		"ago":           func(date interface{}) string { return "stub-ago" },
		"randAlphaNum":  func(count int) string { return strings.Repeat("a", count) },
		"randAlpha":     func(count int) string { return strings.Repeat("b", count) },
		"randAscii":     func(count int) string { return strings.Repeat("c", count) },
		"randNumeric":   func(count int) string { return strings.Repeat("7", count) },
		"randBytes":     func(count int) (string, error) { return base64.StdEncoding.EncodeToString(make([]byte, count)), nil },
		"randInt":       func(min, max int) int { return min },
		"uuidv4":        func() string { return "00000000-0000-4000-8000-000000000000" },
		"shuffle":       func(s string) string { return s },
		"getHostByName": func(name string) string { return "192.0.2.1" },
	}
}

func functions(c *testCase) template.FuncMap {
	funcs := template.FuncMap(sprig.GenericFuncMap())
	for name, f := range stubs() {
		funcs[name] = f
	}
	env := c.Env
	funcs["env"] = func(name string) string { return env[name] }
	funcs["expandenv"] = func(s string) string { return os.Expand(s, func(name string) string { return env[name] }) }
	funcs["marshal"] = func(v interface{}) string {
		a, _ := json.Marshal(v)
		return string(a)
	}
	partials := c.Options.Partials
	funcs["include"] = func(v interface{}) string {
		a, _ := os.ReadFile(path.Join(partials, v.(string)))
		return string(a)
	}
	return funcs
}

func decodeData(c *testCase) (interface{}, error) {
	raw := []byte(c.Data)
	if c.DataJSON != nil {
		raw = []byte(*c.DataJSON)
	}
	if len(strings.TrimSpace(string(raw))) == 0 {
		return nil, nil
	}
	var data interface{}
	err := json.Unmarshal(raw, &data)
	return data, err
}

// parse builds the template set of a case, as KrakenD's ParseFiles does.
func parse(c *testCase) (*template.Template, error) {
	if len(c.Templates) == 0 {
		return nil, errors.New("peer: case has no templates")
	}
	root := template.New(c.Templates[0].Name).Funcs(functions(c))
	if c.Options.MissingKey != "" {
		root = root.Option("missingkey=" + c.Options.MissingKey)
	}
	for _, source := range c.Templates {
		t := root
		if source.Name != root.Name() {
			t = root.New(source.Name)
		}
		if _, err := t.Parse(source.Text); err != nil {
			return nil, err
		}
	}
	return root, nil
}

func executeName(c *testCase) string {
	if c.Execute != "" {
		return c.Execute
	}
	if len(c.Templates) > 0 {
		return c.Templates[0].Name
	}
	return ""
}

// run renders one case; a panic that escapes text/template is reported as the case's error.
func run(c *testCase) (r result) {
	r.Name = c.Name
	r.Output = []byte{}
	defer func() {
		if p := recover(); p != nil {
			r.Stage = "panic"
			r.Error = fmt.Sprint("peer: panic: ", p)
		}
	}()
	data, err := decodeData(c)
	if err != nil {
		r.Stage, r.Error = "data", "peer: data: "+err.Error()
		return
	}
	set, err := parse(c)
	if err != nil {
		r.Stage, r.Error = "parse", err.Error()
		return
	}
	var out limitedBuffer
	err = set.ExecuteTemplate(&out, executeName(c), data)
	r.Output = out.bytes
	if r.Output == nil {
		r.Output = []byte{}
	}
	if err != nil {
		r.Stage, r.Error = "execute", err.Error()
	}
	return
}

// readCases calls handle for every case of the input: a JSON array of cases or a stream of case objects.
func readCases(input io.Reader, handle func(*testCase)) error {
	reader := bufio.NewReaderSize(input, 1<<20)
	first, err := firstNonSpace(reader)
	if err == io.EOF {
		return nil
	}
	if err != nil {
		return err
	}
	decoder := json.NewDecoder(reader)
	if first == '[' {
		if _, err := decoder.Token(); err != nil {
			return err
		}
	}
	for decoder.More() {
		var c testCase
		if err := decoder.Decode(&c); err != nil {
			return err
		}
		handle(&c)
	}
	return nil
}

// firstNonSpace returns the first byte after white space without consuming it.
func firstNonSpace(reader *bufio.Reader) (byte, error) {
	for {
		b, err := reader.ReadByte()
		if err != nil {
			return 0, err
		}
		if b != ' ' && b != '\t' && b != '\n' && b != '\r' {
			return b, reader.UnreadByte()
		}
	}
}

func benchmark(c *testCase, runs int) {
	data, err := decodeData(c)
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", c.Name, err)
		return
	}
	name := executeName(c)
	render := func(set *template.Template) int {
		var out limitedBuffer
		if err := set.ExecuteTemplate(&out, name, data); err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", c.Name, err)
		}
		return len(out.bytes)
	}
	set, err := parse(c)
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", c.Name, err)
		return
	}
	size := render(set)
	start := time.Now()
	for i := 0; i < runs; i++ {
		render(set)
	}
	executeOnly := time.Since(start)
	start = time.Now()
	for i := 0; i < runs; i++ {
		if set, err = parse(c); err == nil {
			render(set)
		}
	}
	parseAndExecute := time.Since(start)
	fmt.Fprintf(os.Stderr, "RESULT go %s execute_ms %.3f parse_execute_ms %.3f bytes %d runs %d\n", c.Name,
		float64(executeOnly.Microseconds())/1000/float64(runs),
		float64(parseAndExecute.Microseconds())/1000/float64(runs), size, runs)
}

func main() {
	benchRuns := flag.Int("bench", 0, "render every case this many times and print timings to stderr")
	raw := flag.Bool("raw", false, "write only the output bytes of the cases")
	flag.Parse()
	time.Local = time.UTC

	out := bufio.NewWriterSize(os.Stdout, 1<<20)
	encoder := json.NewEncoder(out)
	encoder.SetEscapeHTML(false)
	var input io.Reader = os.Stdin
	if flag.NArg() > 0 {
		file, err := os.Open(flag.Arg(0))
		if err != nil {
			fmt.Fprintln(os.Stderr, "go-template-peer:", err)
			os.Exit(2)
		}
		defer file.Close()
		input = file
	}
	err := readCases(input, func(c *testCase) {
		switch {
		case *benchRuns > 0:
			benchmark(c, *benchRuns)
		case *raw:
			r := run(c)
			out.Write(r.Output)
			if r.Error != "" {
				fmt.Fprintln(os.Stderr, r.Error)
			}
		default:
			encoder.Encode(run(c))
		}
	})
	out.Flush()
	if err != nil {
		fmt.Fprintln(os.Stderr, "go-template-peer: reading cases:", err)
		os.Exit(2)
	}
}
