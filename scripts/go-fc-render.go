// go-fc-render renders a KrakenD CE flexible-configuration project the way KrakenD CE does
// (krakend-flexibleconfig v2.3 template.go) and prints the rendered bytes to standard output. It is the Go
// side of scripts/bench-render.sh: it reads the same files as `krakenlint render`, so the benchmark times
// the whole job in both languages (list and decode the settings, list and parse the templates, execute,
// write), not an engine fed pre-decoded data.
//
// What it does, as KrakenD does:
//   - settings: one listing of the settings folder; every entry whose name ends in ".json" is decoded with
//     encoding/json into a map[string]interface{} and stored under its name minus ".json";
//   - templates: one listing of the templates folder; every entry ending in ".tmpl", in directory order;
//   - a template set named "config" with sprig's GenericFuncMap plus KrakenD's marshal and include, then
//     ParseFiles(base template), then ParseFiles(all templates) in one call;
//   - ExecuteTemplate(base name of the base template, settings);
//   - marshal: json.Marshal, "" on error; include: the raw bytes of path.Join(partials, name), "" on error.
//
// Differences from KrakenD, none of which changes the bytes: the output goes to standard output through a
// 1 MiB bufio.Writer (KrakenD executes straight into an unbuffered temporary *os.File; -unbuffered does
// that too), and a template error ends the program with status 1 instead of KrakenD's logged fallback to the
// raw file. Loading problems are reported with KrakenD's wording, in sorted order (KrakenD: map order).
//
// Usage: go-fc-render [-settings DIR] [-partials DIR] [-templates DIR] [-unbuffered] TEMPLATE
// The folders default to $FC_SETTINGS, $FC_PARTIALS and $FC_TEMPLATES, as in KrakenD.
//
// Build (Debian golang-go and golang-github-masterminds-sprig-dev, no module downloads):
//
//	GO111MODULE=off GOPATH=/usr/share/gocode go build -o .build-bench/go-fc-render scripts/go-fc-render.go
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/ioutil"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"text/template"

	"github.com/Masterminds/sprig"
)

func main() {
	settingsDir := flag.String("settings", os.Getenv("FC_SETTINGS"), "settings folder (default $FC_SETTINGS)")
	partialsDir := flag.String("partials", os.Getenv("FC_PARTIALS"), "partials folder (default $FC_PARTIALS)")
	templatesDir := flag.String("templates", os.Getenv("FC_TEMPLATES"), "templates folder (default $FC_TEMPLATES)")
	unbuffered := flag.Bool("unbuffered", false, "execute straight into standard output, as KrakenD does into its temporary file")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: go-fc-render [-settings DIR] [-partials DIR] [-templates DIR] [-unbuffered] TEMPLATE")
		os.Exit(2)
	}
	configFile := flag.Arg(0)

	problems := map[string]error{}
	vars := map[string]interface{}{}
	if *settingsDir != "" {
		files, err := ioutil.ReadDir(*settingsDir)
		if err != nil {
			problems[*settingsDir] = err
		}
		for _, settingsFile := range files {
			if !strings.HasSuffix(settingsFile.Name(), ".json") {
				continue
			}
			b, err := ioutil.ReadFile(filepath.Join(*settingsDir, settingsFile.Name()))
			if err != nil {
				problems[settingsFile.Name()] = err
				continue
			}
			var v map[string]interface{}
			if err := json.Unmarshal(b, &v); err != nil {
				problems[settingsFile.Name()] = err
				continue
			}
			vars[strings.TrimSuffix(filepath.Base(settingsFile.Name()), ".json")] = v
		}
	}
	var templates []string
	if *templatesDir != "" {
		files, err := ioutil.ReadDir(*templatesDir)
		if err != nil {
			problems[*templatesDir] = err
		}
		for _, f := range files {
			if strings.HasSuffix(f.Name(), ".tmpl") {
				templates = append(templates, filepath.Join(*templatesDir, f.Name()))
			}
		}
	}
	if len(problems) > 0 {
		names := make([]string, 0, len(problems))
		for name := range problems {
			names = append(names, name)
		}
		sort.Strings(names)
		message := "loading flexible-config settings:"
		for _, name := range names {
			message += fmt.Sprintf("\n\t- %s: %s", name, problems[name].Error())
		}
		fmt.Fprintln(os.Stderr, message)
		os.Exit(1)
	}

	partials := *partialsDir
	funcs := template.FuncMap{
		"marshal": func(v interface{}) string {
			a, _ := json.Marshal(v)
			return string(a)
		},
		"include": func(v interface{}) string {
			a, _ := ioutil.ReadFile(path.Join(partials, v.(string)))
			return string(a)
		},
	}
	tmpl, err := template.New("config").Funcs(sprig.GenericFuncMap()).Funcs(funcs).ParseFiles(configFile)
	if err != nil {
		fmt.Fprintln(os.Stderr, "Unable to parse configuration file:", err.Error())
		os.Exit(1)
	}
	if len(templates) > 0 {
		if tmpl, err = tmpl.ParseFiles(templates...); err != nil {
			fmt.Fprintln(os.Stderr, "Error parsing sub-templates:", err.Error())
			os.Exit(1)
		}
	}

	var out io.Writer = os.Stdout
	var buffer *bufio.Writer
	if !*unbuffered {
		buffer = bufio.NewWriterSize(os.Stdout, 1<<20)
		out = buffer
	}
	err = tmpl.ExecuteTemplate(out, filepath.Base(configFile), vars)
	if buffer != nil {
		if flushErr := buffer.Flush(); flushErr != nil && err == nil {
			err = flushErr
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "Found error while executing template:", err.Error())
		os.Exit(1)
	}
}
