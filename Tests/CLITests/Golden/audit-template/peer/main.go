// The Go side of krakenlint's audit --format template test: it executes templates the way krakend audit
// does (Go's text/template, a template named "audit", KrakenD's marshal and colored functions, an
// audit.AuditResult as dot) and records what Go prints, so the Swift test can compare krakenlint's output
// with Go's byte for byte without needing Go itself.
//
// Input (stdin): {"result": <audit.AuditResult as JSON>, "templates": ["...", ...]}
// Output (stdout): a JSON array with, for each template, {"template", "output"} or {"template", "error"}.
//
// Regenerate the recorded file (Go 1.19 or later, no downloads):
//
//	cd Tests/CLITests/Golden/audit-template/peer && go run . < ../input.json > ../expected.json
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"text/template"

	"krakenlint.test/auditpeer/audit"
)

type input struct {
	Result    audit.AuditResult `json:"result"`
	Templates []string          `json:"templates"`
}

type outcome struct {
	Template string  `json:"template"`
	Output   *string `json:"output,omitempty"`
	Error    *string `json:"error,omitempty"`
}

// functions are KrakenD's two template functions, as krakend-cobra's audit command defines them.
var functions = template.FuncMap{
	"marshal": func(v interface{}) string {
		text, _ := json.Marshal(v)
		return string(text)
	},
	"colored": func(s string) string {
		codes := map[string]string{"LOW": "32;1", "MEDIUM": "33;1", "HIGH": "31;1", "CRITICAL": "41;1"}
		if code, ok := codes[s]; ok {
			return "\033[" + code + "m" + s + "\033[0m"
		}
		return s
	},
}

func main() {
	var in input
	if err := json.NewDecoder(os.Stdin).Decode(&in); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if in.Result.Recommendations == nil {
		in.Result.Recommendations = []audit.Recommendation{}
	}
	var results []outcome
	for _, text := range in.Templates {
		result := outcome{Template: text}
		var out strings.Builder
		tmpl, err := template.New("audit").Funcs(functions).Parse(text)
		if err == nil {
			err = tmpl.Execute(&out, in.Result)
		}
		if err != nil {
			message := err.Error()
			result.Error = &message
		} else {
			output := out.String()
			result.Output = &output
		}
		results = append(results, result)
	}
	encoder := json.NewEncoder(os.Stdout)
	encoder.SetIndent("", "  ")
	encoder.SetEscapeHTML(false)
	if err := encoder.Encode(results); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
