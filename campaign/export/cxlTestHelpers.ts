/**
 * The fixed part of an exported cxl_test script: finding a memdev with a DC partition
 * under cxl_test and the helpers each step calls (daxcheck's own, in the manner of
 * ndctl's test/cxl-dcd.sh, v11 ABI: dc_inject_extent "<dpa>:<len>:<tag>:<more>[:<seq>]").
 */

export const SCRIPT_HELPERS = String.raw`dev_path="/sys/bus/platform/devices"
# The mock's DC partition starts after its 2 GiB of static capacity.
base_dpa=0x80000000

# inject DEVICE DPA LEN TAG MORE SEQ: one extent of a tag group ("" = untagged)
inject()
{
	echo "$2:$3:$4:$5:$6" > "$dev_path/$1/dc_inject_extent"
}

# release DEVICE DPA LEN TAG: the device asks for one extent back
release()
{
	echo "$2:$3:$4" > "$dev_path/$1/dc_del_extent"
}

# expect_extents REGION N: the region lists N extents
expect_extents()
{
	local n
	n=$($CXL list -r "$1" -N | jq -r '[.[].extents[]?] | length')
	if [ "$n" != "$2" ]; then
		echo "FAIL $1: $n extent(s), the specification expects $2"
		err "$LINENO"
	fi
}

# claim REGION TAG: daxctl create-device --uuid, must succeed; prints the device
claim()
{
	$DAXCTL create-device -r "$1" --uuid "$2" | jq -er '.[].chardev'
}

# claim_fails REGION TAG: the uuid write must be refused
claim_fails()
{
	if $DAXCTL create-device -r "$1" --uuid "$2"; then
		echo "FAIL create-device --uuid $2 on $1 succeeded; the specification refuses it"
		err "$LINENO"
	fi
}

# expect_size DAXDEV BYTES
expect_size()
{
	local size
	size=$($DAXCTL list -d "$1" | jq -er '.[].size')
	if [ "$size" -ne "$(($2))" ]; then
		echo "FAIL $1: size $size, the specification expects $(($2))"
		err "$LINENO"
	fi
}

# trim DAXDEV: size 0 (daxctl reconfigure-device -s 0)
trim()
{
	$DAXCTL disable-device "$1"
	$DAXCTL reconfigure-device -s 0 "$1"
}

# destroy DAXDEV
destroy()
{
	$DAXCTL disable-device "$1" || true
	$DAXCTL destroy-device "$1"
}

modprobe -r cxl_test || true
modprobe cxl_test

mem=""
for cand in $($CXL list -b cxl_test -Mi | jq -r '.[].memdev'); do
	size=$($CXL list -m "$cand" | jq -r '.[].dynamic_ram_1_size')
	[ "$size" = "null" ] && continue
	decoder=$($CXL list -b cxl_test -D -d root -m "$cand" |
		jq -r ".[] | select(.volatile_capable == true) | select(.nr_targets == 1) | .decoder" | head -1)
	[ -z "$decoder" ] && continue
	mem="$cand"
	device=$($CXL list -m "$cand" | jq -r '.[].host')
	break
done
if [ -z "$mem" ]; then
	echo "no cxl_test memdev with a DC partition"
	exit 77
fi
`;
