"""Gift combos ("gói combo quà tặng"): sets of listed products sold as one, at chosen outlets."""
