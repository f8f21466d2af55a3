print("krakenlint")
