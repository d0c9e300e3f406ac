package corpusgen

import (
	"fmt"
	"math/rand/v2"

	"github.com/xxgk/nianbao/model"
)

// Body is an issuing body of the synthetic corpus.
type Body struct {
	ID     string          `json:"id"`     // ASCII, used in file names
	County string          `json:"county"` // e.g. 东川县
	Name   string          `json:"name"`   // full name with the county prefix, e.g. 东川县青石镇人民政府
	Short  string          `json:"short"`  // name without the county prefix, e.g. 青石镇人民政府 (departments keep it)
	Place  string          `json:"place"`  // e.g. 青石镇, 东川县, 东川县财政局
	Level  model.BodyLevel `json:"level"`
	Gov    bool            `json:"government"`
}

var (
	syl1 = []rune("东西南北青白金石清临安永宁平高新长兴丰阳柳桃梅松云龙凤华明德和泰嘉")
	syl2 = []rune("川岭湖山河水原田溪塘桥城江峰林坪口湾泉洲阳州谷屯集堡")
	// departments of a county government, with their usual short names
	departments = []string{"财政局", "教育局", "自然资源局", "卫生健康委员会", "住房和城乡建设局", "市场监督管理局", "民政局", "交通运输局", "农业农村局", "生态环境分局"}
)

// makeBodies returns the bodies of county number c: the county government,
// townships and subdistricts, and departments.
func makeBodies(r *rand.Rand, c int, used map[string]bool) []Body {
	pick := func(suffix string) string {
		for {
			n := string(syl1[r.IntN(len(syl1))]) + string(syl2[r.IntN(len(syl2))])
			if !used[n+suffix] {
				used[n+suffix] = true
				return n
			}
		}
	}
	county := pick("县") + "县"
	if r.IntN(4) == 0 {
		county = county[:len(county)-len("县")] + "区"
	}
	var out []Body
	add := func(b Body) {
		b.ID = fmt.Sprintf("c%02d%s%02d", c, b.ID, len(out))
		b.County = county
		out = append(out, b)
	}
	add(Body{ID: "g", Name: county + "人民政府", Short: county + "人民政府", Place: county, Level: model.LevelCounty, Gov: true})
	nt := 4 + r.IntN(4)
	for i := 0; i < nt; i++ {
		var place, name string
		switch r.IntN(5) {
		case 0, 1:
			place = pick("镇") + "镇"
			name = place + "人民政府"
		case 2, 3:
			place = pick("乡") + "乡"
			name = place + "人民政府"
		default:
			place = pick("街道") + "街道"
			name = place + "办事处"
		}
		add(Body{ID: "t", Name: county + name, Short: name, Place: place, Level: model.LevelTownship, Gov: place[len(place)-len("道"):] != "道"})
	}
	nd := 2 + r.IntN(3)
	perm := r.Perm(len(departments))
	for i := 0; i < nd; i++ {
		d := county + departments[perm[i]]
		add(Body{ID: "d", Name: d, Short: d, Place: d, Level: model.LevelDepartment})
	}
	return out
}
