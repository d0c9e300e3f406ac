package deps
import (
 _ "github.com/PuerkitoBio/goquery"
 _ "github.com/ledongthuc/pdf"
 _ "golang.org/x/text/encoding/simplifiedchinese"
 _ "golang.org/x/net/html/charset"
 _ "github.com/xuri/excelize/v2"
 _ "github.com/schollz/progressbar/v3"
 _ "golang.org/x/term"
)
