module krakenlint.test/auditpeer

go 1.19
